// A file for the browser to save: its name (UTF-8, RFC 5987), its type, never sniffed.
export function download(body: string | Uint8Array, name: string, type: string, headers: Record<string, string> = {}): Response {
	const text = typeof body === 'string';
	return new Response(text ? body : (body as Uint8Array<ArrayBuffer>), {
		headers: {
			'content-type': text && !type.includes('charset') ? `${type}; charset=utf-8` : type,
			'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(name)}`,
			'x-content-type-options': 'nosniff',
			...headers
		}
	});
}
