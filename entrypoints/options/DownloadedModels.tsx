import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { CachedModel } from '@/lib/engine';
import { connectEngine, type ClientRuntime, type EngineConnection } from '@/lib/messaging';
import { formatBytes } from '@/lib/format';

/** Models stored in IndexedDB, with their size and a delete button. */
export function DownloadedModels() {
  const [connection, setConnection] = useState<EngineConnection | null>(null);
  const [models, setModels] = useState<CachedModel[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let open: EngineConnection | undefined;
    connectEngine(browser.runtime as unknown as ClientRuntime)
      .then(async (conn) => {
        open = conn;
        setConnection(conn);
        setModels(await conn.engine.listCached());
      })
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
    return () => open?.close();
  }, []);

  const remove = async (modelId: string) => {
    if (!connection) return;
    try {
      await connection.engine.deleteCached(modelId);
      setModels(await connection.engine.listCached());
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <section aria-labelledby="downloaded-heading">
      <h2 id="downloaded-heading">Downloaded models</h2>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {models === null && !error && <p>Checking…</p>}
      {models?.length === 0 && <p>No model is downloaded yet. Edgewise downloads one the first time you use it.</p>}
      {models && models.length > 0 && (
        <table>
          <thead>
            <tr>
              <th>Model</th>
              <th>Size</th>
              <th>Files</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {models.map((model) => (
              <tr key={model.modelId} data-model={model.modelId}>
                <td>{model.modelId}</td>
                <td>{formatBytes(model.bytes)}</td>
                <td>{model.files.length}</td>
                <td>
                  <button
                    type="button"
                    onClick={() => void remove(model.modelId)}
                    aria-label={`Delete ${model.modelId}`}
                  >
                    Delete
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
