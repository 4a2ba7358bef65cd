/** What a live check saw, hop by hop: raw facts, before any interpretation. */

export interface CertificateInfo {
  /** The certificate chain is trusted and the name matches. */
  valid: boolean;
  /** Why not, in the TLS library's words. */
  problem?: string;
  nameMatches: boolean;
  subject?: string;
  issuer?: string;
  expires?: string;
  daysLeft?: number;
}

export interface Hop {
  url: string;
  /** The address connected to, after vetting. */
  address?: string;
  addresses?: string[];
  cname?: string[];
  dnsMs?: number;
  connectMs?: number;
  tlsMs?: number;
  /** From sending the request to the first byte of the answer. */
  waitMs?: number;
  totalMs?: number;
  tls?: CertificateInfo;
  status?: number;
  statusText?: string;
  headers?: Record<string, string>;
  location?: string;
  /** The start of the body, at most the byte cap. */
  body?: string;
  bytes?: number;
  truncated?: boolean;
}

export type FailureKind =
  | 'no-dns'
  | 'dns-error'
  | 'refused'
  | 'unreachable'
  /** No connection within the time limit. */
  | 'timeout'
  /** Connected, but no answer (not even its status) within the time limit. */
  | 'slow'
  | 'reset'
  | 'tls'
  | 'bad-answer'
  | 'refused-address'
  | 'bad-redirect'
  | 'too-many-redirects';

export interface Failure {
  kind: FailureKind;
  /** The technical detail (an error code, the address refused). */
  detail: string;
}

export interface CheckReport {
  /** The address as it was checked, after reading what was typed. */
  url: string;
  checkedAt: string;
  hops: Hop[];
  /** Set when the check could not get a final answer. */
  failure?: Failure;
  totalMs: number;
}

export type Progress = { stage: 'dns' | 'connect' | 'tls' | 'http' | 'redirect'; message: string };
