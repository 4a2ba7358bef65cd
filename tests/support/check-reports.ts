import type { CheckReport, Hop } from '@/live-check/report';

/** A live check's report of one answer from https://shop.example.com/, with `hop` saying how it answered. */
export function oneAnswer(hop: Partial<Hop>): CheckReport {
  return {
    url: 'https://shop.example.com/',
    checkedAt: '2026-11-26T10:00:00.000Z',
    totalMs: 120,
    hops: [
      {
        url: 'https://shop.example.com/',
        address: '203.0.113.9',
        addresses: ['203.0.113.9'],
        dnsMs: 4,
        connectMs: 20,
        waitMs: 90,
        headers: {},
        body: '',
        ...hop,
      },
    ],
  };
}
