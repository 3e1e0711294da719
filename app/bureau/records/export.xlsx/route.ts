import { listExportRoute } from '@/lib/http/list-export-route';
import { recordsExport } from '../export';

export const GET = listExportRoute(recordsExport);
