import { useEffect, useState } from 'react';
import { getStorageInfo, requestPersistence, type StorageInfo } from '../../db/infrastructure/storage';

/** Storage used, quota and persistence as the browser reports them; null while asking. */
export function useStorageInfo(): StorageInfo | null {
  const [info, setInfo] = useState<StorageInfo | null>(null);
  useEffect(() => {
    let live = true;
    // The request made at start may still be open; its answer decides "gewährt".
    void requestPersistence()
      .then(getStorageInfo)
      .then((next) => {
        if (live) setInfo(next);
      });
    return () => {
      live = false;
    };
  }, []);
  return info;
}
