import { listExportRoute } from '@/lib/http/list-export-route';
import { creditExport } from '../export';

export const GET = listExportRoute(creditExport);
