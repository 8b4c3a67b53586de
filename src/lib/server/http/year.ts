// The [year] of a page's URL: a four-digit year, or the page answers 404 (a mistyped address is "no such set",
// not a server error).
import { error } from '@sveltejs/kit';
import { assertYear } from '../revisions/index.ts';

export function yearParam(param: string): number {
	try {
		return assertYear(param);
	} catch {
		error(404, `没有 ${param} 年度的标准集`);
	}
}
