"""Real async iteration: `async for line in reader` over a TCP connection."""

import asyncio
from listing import restart, say


LOG = ["INFO starting", "WARN disk 91% full", "INFO done"]


async def serve_log(reader, writer):
    """Send the log lines, 0.2 s before each, then hang up."""
    for line in LOG:
        await asyncio.sleep(0.2)
        writer.write(f"{line}\n".encode())
        await writer.drain()
    writer.close()
    await writer.wait_closed()


async def main():
    server = await asyncio.start_server(serve_log, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    restart()
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    received = 0
    async for line in reader:  # a StreamReader is an async iterator of lines
        text = line.decode().rstrip("\n")
        say(f'got "{text}"')
        received += 1
    say(f"connection closed after {received} lines")
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()


asyncio.run(main())
