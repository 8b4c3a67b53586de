// Downloads of a published version, shared by the +server routes below.
import { error } from '@sveltejs/kit';
import { getPublished, type PublishedVersion } from '$lib/server/public/published';

export function versionOf(year: string, url: URL): PublishedVersion {
	const version = url.searchParams.get('version');
	const v = /^\d{4}$/.test(year) ? getPublished(Number(year), version ? Number(version) : undefined) : null;
	if (!v) error(404, `没有 ${year} 年度已发布的标准集`);
	return v;
}

export function download(body: string, name: string, type: string): Response {
	return new Response(body, {
		headers: {
			'content-type': `${type}; charset=utf-8`,
			'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(name)}`,
			'x-content-type-options': 'nosniff'
		}
	});
}
