import { listExportRoute } from '@/lib/http/list-export-route';
import { filingsExport } from '../export';

export const GET = listExportRoute(filingsExport);
