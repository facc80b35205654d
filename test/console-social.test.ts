import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import {
  type ConsoleTest,
  consoleTestsBlocked,
  consoleTestTimeout,
  expectAccessible,
  type SignedInPage,
  screenshot,
  signedInPage,
  startConsoleTest,
} from './console-harness.ts';

// The microblog section in real Chromium, two people in two browser contexts: profiles set
// through the form, a follow, a post with an image and its alt text uploaded through the form
// that reaches the follower live (behind the "new posts" banner), a like and a reply seen by the
// author, and the accessibility of the timeline, a profile and a thread.

describe.skipIf(consoleTestsBlocked)(
  'the console: microblog',
  { timeout: consoleTestTimeout },
  () => {
    let test: ConsoleTest;
    let ada: SignedInPage;
    let grace: SignedInPage;
    const suffix = Date.now().toString(36).slice(-5);
    const adaHandle = `ada_${suffix}`;
    const graceHandle = `grace_${suffix}`;
    const imagePostText = 'The Analytical Engine weaves algebraic patterns #engines';

    it('starts', async () => {
      test = await startConsoleTest();
      ada = await signedInPage(test, '/social');
      grace = await signedInPage(test, '/social');
    });

    it('sets handles and names through the form, and says a taken handle in words', async () => {
      await setProfile(ada.page, adaHandle, 'Ada Lovelace');
      await grace.page.getByRole('link', { name: 'Edit profile' }).click();
      await grace.page.getByLabel('Handle').fill(adaHandle.toUpperCase());
      await grace.page.getByRole('button', { name: 'Save profile' }).click();
      await grace.page
        .locator('.field-error')
        .getByText(/Another profile has the handle/)
        .waitFor();
      expect(await grace.page.getByLabel('Handle').getAttribute('aria-invalid')).toBe('true');
      await setProfile(grace.page, graceHandle, 'Grace Hopper');
    });

    it('finds a person, follows them, and shows their posts in the home timeline', async () => {
      for (const text of ['Notes on the engine, part one', 'A question of Bernoulli numbers']) {
        const posted = await test.api('POST', '/v1/social/posts', {
          token: ada.user.token,
          body: { text },
        });
        expect(posted.status).toBe(201);
      }
      const { page } = grace;
      await page.getByRole('link', { name: 'People' }).click();
      await page.getByLabel('Name or handle').fill('Ada Lovelace');
      await page.getByRole('button', { name: 'Search' }).click();
      await page.getByRole('link', { name: new RegExp(`@${adaHandle}`) }).click();
      await page.getByRole('heading', { name: 'Ada Lovelace' }).waitFor();
      await page.getByRole('button', { name: `Follow @${adaHandle}` }).click();
      await page.getByRole('button', { name: `Unfollow @${adaHandle}` }).waitFor();
      await page.getByText('1 followers').waitFor();
      await page.getByText('A question of Bernoulli numbers').waitFor();
      await expectAccessible(page);

      await page
        .getByRole('navigation', { name: 'Microblog' })
        .getByRole('link', { name: 'Home' })
        .click();
      await page.getByTestId('timeline').getByText('Notes on the engine, part one').waitFor();
    });

    it('uploads an image with alt text through the form; the post reaches the follower live', async () => {
      const { page } = ada;
      await page
        .getByRole('navigation', { name: 'Microblog' })
        .getByRole('link', { name: 'Home' })
        .click();
      await page.getByTestId('timeline').waitFor();
      await expect.poll(() => grace.page.getByTestId('live-status').textContent()).toBe('Live');

      // Over the API's length: the count says so, and the API's problem is shown in words.
      await page.getByLabel('What is happening?').fill('a'.repeat(501));
      await page.getByText('501 of 500 characters — 1 too many').waitFor();
      await page.getByRole('button', { name: 'Post', exact: true }).click();
      await page.getByRole('alert').getByText('The post is longer than allowed').waitFor();
      // A file that is no image: the API's refusal, in words, next to it.
      await page.getByLabel('Add images').setInputFiles({
        name: 'notes.png',
        mimeType: 'text/plain',
        buffer: Buffer.from('not an image at all'),
      });
      await page.getByLabel('What is happening?').fill(imagePostText);
      await page.getByRole('button', { name: 'Post', exact: true }).click();
      await page
        .locator('.attachment')
        .getByRole('alert')
        .getByText('Unsupported media type')
        .waitFor();
      await page.getByRole('button', { name: 'Remove image 1' }).click();

      await page.getByLabel('Add images').setInputFiles({
        name: 'loom.png',
        mimeType: 'image/png',
        buffer: await pictureOfALoom(),
      });
      await page.getByRole('img', { name: 'Preview 1: loom.png' }).waitFor();
      await page.getByLabel('Alt text for image 1').fill('A Jacquard loom weaving a blue pattern');
      await page.getByRole('button', { name: 'Post', exact: true }).click();
      // The author's own post goes straight to the top of their timeline.
      await page
        .getByTestId('timeline')
        .getByRole('img', { name: 'A Jacquard loom weaving a blue pattern' })
        .waitFor();
      await expect(page.getByLabel('What is happening?').inputValue()).resolves.toBe('');

      // The follower's list does not jump: a banner says a post is waiting, a click shows it.
      const timeline = grace.page.getByTestId('timeline');
      const banner = grace.page.getByRole('button', { name: 'Show 1 new post' });
      await banner.waitFor({ timeout: 20_000 });
      expect(await timeline.getByText(imagePostText).count()).toBe(0);
      await banner.click();
      const post = timeline.locator('article', { hasText: imagePostText });
      await post.getByRole('img', { name: 'A Jacquard loom weaving a blue pattern' }).waitFor();
      await expect.poll(() => banner.count()).toBe(0);
    });

    it('likes and replies; the author sees the like live and the reply in the thread', async () => {
      const { page } = grace;
      const post = page.getByTestId('timeline').locator('article', { hasText: imagePostText });
      await post.getByRole('button', { name: 'Like (0)' }).click();
      const liked = post.getByRole('button', { name: 'Like (1)' });
      await liked.waitFor();
      expect(await liked.getAttribute('aria-pressed')).toBe('true');
      await expectAccessible(page);
      await showWhole(page);
      await screenshot(page, 'social');

      // A repost goes to the top of the reposter's own timeline, the post shown once.
      await post.getByRole('button', { name: 'Repost (0)' }).click();
      const reposted = page
        .getByTestId('timeline')
        .locator('article', { hasText: 'Grace Hopper reposted' });
      await reposted.getByRole('button', { name: 'Repost (1)', pressed: true }).waitFor();
      await expect
        .poll(() =>
          page.getByTestId('timeline').locator('article', { hasText: imagePostText }).count(),
        )
        .toBe(1);

      // The author's copy counts the like from the live `post.counts` event, with no reload.
      const adasCopy = ada.page
        .getByTestId('timeline')
        .locator('article', { hasText: imagePostText });
      await adasCopy.getByRole('button', { name: 'Like (1)' }).waitFor({ timeout: 20_000 });

      await post.getByRole('link', { name: /^Reply/ }).click();
      await page.getByRole('heading', { name: 'Thread' }).waitFor();
      await page.getByLabel(`Reply to @${adaHandle}`).fill(`@${adaHandle} a loom that computes!`);
      await page.getByRole('button', { name: 'Reply', exact: true }).click();
      await page
        .getByRole('region', { name: 'Replies' })
        .getByText('a loom that computes!')
        .waitFor();

      await adasCopy.getByRole('link', { name: 'Reply (1)' }).waitFor({ timeout: 20_000 });
      await adasCopy.getByRole('link', { name: /^Reply/ }).click();
      const replies = ada.page.getByRole('region', { name: 'Replies' });
      const reply = replies.locator('article', { hasText: 'a loom that computes!' });
      await reply.getByRole('link', { name: /Grace Hopper/ }).waitFor();
      await expectAccessible(ada.page);
      await showWhole(ada.page);
      await screenshot(ada.page, 'social-thread');

      // The reply reached the author's notifications too, linked to the post.
      await ada.page.getByRole('link', { name: 'Notifications', exact: true }).click();
      await ada.page
        .getByRole('link', { name: /Grace Hopper (replied to|mentioned) you/ })
        .first()
        .waitFor();
      await expectAccessible(ada.page);
    });
  },
);

async function setProfile(page: Page, handle: string, name: string) {
  await page.getByRole('link', { name: 'Edit profile' }).click();
  await page.getByLabel('Handle').fill(handle);
  await page.getByLabel('Display name').fill(name);
  await page.getByRole('button', { name: 'Save profile' }).click();
  await page.getByRole('status').getByText('Saved.').waitFor();
  await page.getByText(`Signed in as ${name} @${handle}`).waitFor();
}

/** A taller window, at the top, every image loaded: what the screenshots show. */
async function showWhole(page: Page) {
  await page.setViewportSize({ width: 1280, height: 1200 });
  // Strings run in the page: this file is type-checked without the DOM's types.
  await page.evaluate('window.scrollTo(0, 0)');
  await expect
    .poll(() =>
      page.evaluate('[...document.images].every((i) => i.complete && i.naturalWidth > 0)'),
    )
    .toBe(true);
}

/** A small drawing, as a PNG: stripes of a woven pattern. */
function pictureOfALoom(): Promise<Buffer> {
  const stripes = Array.from(
    { length: 12 },
    (_, index) =>
      `<rect x="${index * 50}" y="0" width="25" height="400" fill="hsl(${210 + index * 4} 70% ${35 + (index % 3) * 12}%)"/>` +
      `<rect x="0" y="${index * 34}" width="600" height="12" fill="hsl(40 80% 60%)" opacity="0.7"/>`,
  ).join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="400"><rect width="600" height="400" fill="#16325c"/>${stripes}</svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}
