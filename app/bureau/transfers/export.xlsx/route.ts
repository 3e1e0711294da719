import { listExportRoute } from '@/lib/http/list-export-route';
import { transfersExport } from '../export';

export const GET = listExportRoute(transfersExport);
