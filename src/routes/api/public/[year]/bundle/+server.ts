// The year's current published bundle (meta.contentHash is what both bureaus approved). No log-in.
// Served by the public download route: one implementation for both addresses.
export { GET } from '../../../../public/[year]/bundle.json/+server';
