/** Whether the page is dark: forced by `data-theme` on the root (an embed's `theme=`), else the visitor's preference. */
export function pageIsDark(): boolean {
  const forced = document.documentElement.dataset.theme;
  if (forced === 'dark' || forced === 'light') return forced === 'dark';
  return matchMedia('(prefers-color-scheme: dark)').matches;
}
