import { listExportRoute } from '@/lib/http/list-export-route';
import { rosterChecksExport } from '../export';

export const GET = listExportRoute(rosterChecksExport);
