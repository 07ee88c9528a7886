/**
 * Whether a container engine answers, asked once per process. testcontainers' own discovery (DOCKER_HOST,
 * ~/.testcontainers.properties, the usual sockets, Podman/Colima) answers in milliseconds when there is
 * nothing; the timeout covers a DOCKER_HOST that points at an unreachable machine.
 */
let answer: Promise<boolean> | undefined;

export function dockerAnswers(timeoutMs = 5_000): Promise<boolean> {
  answer ??= probe(timeoutMs);
  return answer;
}

async function probe(timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
    timer.unref();
  });
  const ask = (async () => {
    try {
      // Imported here, not at the top: testcontainers pulls in dockerode and ssh2, which a run on local
      // processes never needs.
      const { getContainerRuntimeClient } = await import('testcontainers');
      await getContainerRuntimeClient();
      return true;
    } catch {
      return false;
    }
  })();
  try {
    return await Promise.race([ask, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
