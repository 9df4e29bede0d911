import { expect, test, type Page } from '@playwright/test';
import en from '../../renderer/src/i18n/en.json' with { type: 'json' };
import id from '../../renderer/src/i18n/id.json' with { type: 'json' };
import { startApp, type RunningApp } from '../fixtures/app.ts';
import { openApp, signIn } from '../fixtures/member.ts';
import { newTestUser } from '../fixtures/users.ts';

const running: RunningApp[] = [];
test.afterEach(async () => {
  await Promise.all(running.splice(0).map((app) => app.stop()));
});

const catalogues = { id, en };

/** The UI, and the document's `lang` that screen readers and fonts go by, are in `language`. */
const expectLanguage = async (page: Page, language: keyof typeof catalogues): Promise<void> => {
  const catalogue = catalogues[language];
  await expect(page.locator('html')).toHaveAttribute('lang', language);
  // What shows while a dialog is open too (the "+" menu's entries would need the menu opened).
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(catalogue.rooms.heading);
  await expect(page.getByTestId('new-menu')).toHaveAccessibleName(catalogue.rooms.newMenu);
  await expect(page.getByTestId('settings-open')).toHaveAccessibleName(catalogue.settings.open);
};

test('a member chooses English over their Indonesian system; it survives a restart until they follow the system again', async ({ browser }) => {
  // The labels this test tells the languages apart by must differ between them.
  expect(id.rooms.heading).not.toBe(en.rooms.heading);
  expect(id.rooms.newMenu).not.toBe(en.rooms.newMenu);

  const user = await newTestUser('bahasa');
  const first = await startApp();
  running.push(first);
  // openApp/signIn give the browser an Indonesian locale (id-ID).
  const member = await signIn(browser, first, user);
  await expectLanguage(member.page, 'id');

  await member.page.getByTestId('settings-open').click();
  const select = member.page.getByTestId('settings-language');
  await expect(select).toHaveValue('system');
  await select.selectOption('en');
  await expectLanguage(member.page, 'en');
  // The open dialog switches too, not only what is drawn afterwards.
  await expect(member.page.getByRole('dialog')).toHaveAccessibleName(en.settings.title);
  await expect(select).toHaveValue('en');

  // The choice lives in main: a new core on the same profile, and a new window, still use it.
  await member.page.context().close();
  await first.stop();
  const second = await startApp({ profileDir: first.profileDir });
  running.push(second);
  const page = await openApp(browser, second);
  await expect(page.getByTestId('room-list')).toBeVisible();
  await expectLanguage(page, 'en');

  await page.getByTestId('settings-open').click();
  await expect(page.getByTestId('settings-language')).toHaveValue('en');
  await page.getByTestId('settings-language').selectOption('system');
  await expectLanguage(page, 'id');
  await expect(page.getByTestId('settings-language')).toHaveValue('system');
  await expect(page.getByRole('dialog')).toHaveAccessibleName(id.settings.title);
});
