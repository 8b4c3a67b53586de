import { getOverview } from '$lib/server/standards';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => getOverview();
