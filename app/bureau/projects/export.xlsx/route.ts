import { listExportRoute } from '@/lib/http/list-export-route';
import { projectsExport } from '../export';

export const GET = listExportRoute(projectsExport);
