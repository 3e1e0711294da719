import { listExportRoute } from '@/lib/http/list-export-route';
import { evaluationsExport } from '../export';

export const GET = listExportRoute(evaluationsExport);
