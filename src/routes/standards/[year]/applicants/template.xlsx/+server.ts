import { requireRole } from '$lib/server/guard';
import { templateXlsx } from '$lib/core/spreadsheet';
import { download } from '$lib/server/http/download';
import type { RequestHandler } from './$types';

/** The import template: the record schema's Chinese labels as headers, dropdowns for every enum. */
export const GET: RequestHandler = (event) => {
	requireRole(event, 'read');
	return download(templateXlsx(), `申报人导入模板-${event.params.year}.xlsx`, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
};
