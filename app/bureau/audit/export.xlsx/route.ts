import { listExportRoute } from '@/lib/http/list-export-route';
import { auditExport } from '../export';

export const GET = listExportRoute(auditExport);
