import { listExportRoute } from '@/lib/http/list-export-route';
import { rosterExport } from '../export';

export const GET = listExportRoute(rosterExport);
