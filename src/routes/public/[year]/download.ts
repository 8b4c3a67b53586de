// Downloads of a published version, shared by the +server routes below.
import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/store';
import { getPublished, type PublishedVersion } from '$lib/server/public/published';

export { download } from '$lib/server/http/download';

/** The year's current version, or ?version=N; 404 when there is none. */
export async function versionOf(year: string, url: URL): Promise<PublishedVersion> {
	const version = url.searchParams.get('version');
	const v = /^\d{4}$/.test(year) && (version === null || /^\d{1,4}$/.test(version)) ? await getPublished(await getDb(), Number(year), version ? Number(version) : undefined) : null;
	if (!v) error(404, `没有 ${year} 年度已发布的标准集${version ? `第 ${version} 版` : ''}`);
	return v;
}
