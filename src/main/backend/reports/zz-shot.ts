import { chromium } from 'playwright-core';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
const page = await browser.newPage({ viewport: { width: 1000, height: 1400 } });
await page.goto('file:///tmp/api-scratch/report/storelens-report-2024-02-29_2024-03-29.html');
await page.screenshot({ path: '/tmp/api-scratch/report.png', fullPage: true });
await browser.close();
