import { listExportRoute } from '@/lib/http/list-export-route';
import { contractsExport } from '../export';

export const GET = listExportRoute(contractsExport);
