import { listExportRoute } from '@/lib/http/list-export-route';
import { staffExport } from '../export';

export const GET = listExportRoute(staffExport);
