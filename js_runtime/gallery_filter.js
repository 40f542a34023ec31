// The gallery's task filter (builder/templates/gallery_index.md.j2): toggle buttons that show only the
// cards of one task. Without JavaScript the filter stays hidden and every card shows.

/**
 * @param {HTMLElement} group the `.vitrine-gallery-filter` element
 */
export function mountGalleryFilter(group) {
  const cards = [...document.querySelectorAll('.vitrine-card')].filter((el) => el instanceof HTMLElement);
  const count = document.querySelector('.vitrine-gallery-count');
  const chips = [...group.querySelectorAll('button[data-task]')].filter((el) => el instanceof HTMLButtonElement);
  /** @param {string} task "" for every task */
  const show = (task) => {
    for (const chip of chips) chip.setAttribute('aria-pressed', String(chip.dataset.task === task));
    let shown = 0;
    for (const card of cards) {
      card.hidden = task !== '' && card.dataset.task !== task;
      if (!card.hidden) shown++;
    }
    if (count) count.textContent = task === '' ? '' : `${shown} of ${cards.length} models`;
  };
  for (const chip of chips) chip.addEventListener('click', () => show(chip.dataset.task ?? ''));
  group.hidden = false;
}
