/**
 * One page of every page type the site builds: what the quality gates (tests/e2e/a11y.test.ts,
 * tests/e2e/security.test.ts, tests/site/html-validate.test.ts) check. `file` is the page's file under
 * dist/; `status` what the static server of tests/e2e/server.ts answers.
 */
export interface PageType {
  type: string;
  path: string;
  file: string;
  status: number;
}

const page = (type: string, path: string, status = 200): PageType => ({
  type,
  path,
  file: status === 404 ? '404.html' : `${path.replace(/^\//, '')}index.html`,
  status,
});

export const PAGE_TYPES: PageType[] = [
  page('home', '/'),
  page('theme', '/gebruik/'),
  page('theme', '/verblijf/'),
  page('theme', '/kosten/'),
  page('measures', '/maatregelen-2022/'),
  page('region', '/regio/JZ20/'),
  page('municipality', '/gemeente/GM0307/'),
  page('data', '/data/'),
  page('sql console', '/sql/'),
  page('embed', '/embed/gebruik-trend/NL01/'),
  page('embed redirect', '/embed/gebruik-trend/'),
  page('briefing', '/briefing/GM0307/'),
  page('English home', '/en/'),
  page('English theme', '/en/gebruik/'),
  page('map', '/kaart/'),
  page('finder', '/zoeken/'),
  page('not found', '/bestaat-niet/', 404),
];
