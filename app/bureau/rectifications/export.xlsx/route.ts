import { listExportRoute } from '@/lib/http/list-export-route';
import { rectificationsExport } from '../export';

export const GET = listExportRoute(rectificationsExport);
