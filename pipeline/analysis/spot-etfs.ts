/**
 * The first US trading session of each asset's spot ETFs. Before it, the US-listed funds a brief
 * can measure were not spot ETFs (GBTC was the Grayscale Bitcoin Trust until it converted on
 * 11 January 2024; ETHE likewise until 23 July 2024), so the brief must not call them ETFs.
 * Sources: SEC approval orders of 10 January 2024 (bitcoin) and 22 July 2024 effective
 * registrations (ether); first trading days as listed by the exchanges.
 */
const FIRST_SESSION: Readonly<Record<string, string>> = { BTC: '2024-01-11', ETH: '2024-07-23' };

/** `date` (a US session, YYYY-MM-DD) is the asset's first spot-ETF session. */
export function isFirstSpotEtfSession(asset: string, date: string): boolean {
  return FIRST_SESSION[asset] === date;
}

/** `date` (a US session, YYYY-MM-DD) precedes the asset's first spot-ETF session. */
export function beforeSpotEtfs(asset: string, date: string): boolean {
  const first = FIRST_SESSION[asset];
  return first !== undefined && date < first;
}
