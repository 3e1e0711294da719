import { listExportRoute } from '@/lib/http/list-export-route';
import { complaintsExport } from '../export';

export const GET = listExportRoute(complaintsExport);
