"""5.4 example 1: three named tasks, asyncio.wait(tasks, timeout=None)."""
import asyncio
import time

T0 = time.perf_counter()
def say(msg): print(f"[+{time.perf_counter() - T0:.2f}s] {msg}", flush=True)


async def job(name: str, secs: int) -> int:
    say(f"{name}: 你好")
    await asyncio.sleep(secs)
    say(f"{name}: Hello")
    return secs


async def main() -> None:
    tasks = [asyncio.create_task(job(f"n{i}", 2), name=f"n{i}") for i in range(3)]
    done, _pending = await asyncio.wait(tasks, timeout=None)
    # `done` is a set: sort it, or `list(done)[0]` is any of the three.
    report = [f"{t.get_name()} -> {t.result()}" for t in sorted(done, key=lambda t: t.get_name())]
    say(f"main: done {report}".replace("'", '"'))


asyncio.run(main())
