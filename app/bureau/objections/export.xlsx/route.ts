import { listExportRoute } from '@/lib/http/list-export-route';
import { objectionsExport } from '../export';

export const GET = listExportRoute(objectionsExport);
