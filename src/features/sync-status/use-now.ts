import { useEffect, useState } from 'react';

/** The current time, renewed every `intervalMs`, for texts that age ("seit über 24 Stunden"). */
export function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
