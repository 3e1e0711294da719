import { listExportRoute } from '@/lib/http/list-export-route';
import { outboxExport } from '../export';

export const GET = listExportRoute(outboxExport);
