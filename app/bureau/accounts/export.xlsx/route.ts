import { listExportRoute } from '@/lib/http/list-export-route';
import { accountsExport } from '../export';

export const GET = listExportRoute(accountsExport);
