"""The article's FastAPI service (四.3 FastAPI 框架), fixed: the same endpoints as the Rust service.

What changed from the article's listing:
- every handler that awaits is `async def` (`await` in the article's plain `def red()` is a
  SyntaxError);
- Redis through `redis.asyncio` (aioredis became part of redis-py) with a bounded pool, made at
  startup and closed at shutdown; the article used aioredis 1.x's `ConnectionsPool`, `acquire`
  and `hmset_dict`, which no longer exist;
- `red()` returns what it read (the article returns `result`, a name it never defined);
- the Redis URL and password come from the environment, never from the source.

Run: REDIS_URL=redis://127.0.0.1:6379 python app.py [--addr 127.0.0.1:5000] [--no-access-log]
Environment: REDIS_URL, KEY_PREFIX (put before every key), RED_WAIT_MS (default 3000).
"""

import argparse
import asyncio
import json
import os
import time
from contextlib import asynccontextmanager

import redis.asyncio as redis
import uvicorn
from fastapi import FastAPI, HTTPException, Query
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

REDIS_URL = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379")
KEY_PREFIX = os.environ.get("KEY_PREFIX", "")
RED_WAIT_MS = int(os.environ.get("RED_WAIT_MS", "3000"))


def key(name):
    return KEY_PREFIX + name


# ANCHOR: pool
@asynccontextmanager
async def lifespan(app):
    # At most 10 connections, like the article's maxsize=10; a request waits up to 2 s for one.
    # Timeouts bound every connect and every reply: a lost Redis is a 503, not a hang.
    pool = redis.BlockingConnectionPool.from_url(
        REDIS_URL,
        max_connections=10,
        timeout=2,
        socket_timeout=1,
        socket_connect_timeout=1,
        decode_responses=True,
    )
    app.state.redis = redis.Redis(connection_pool=pool)
    yield
    await app.state.redis.aclose()
# ANCHOR_END: pool


app = FastAPI(lifespan=lifespan)


@app.exception_handler(redis.RedisError)
async def redis_unavailable(request, exc):
    return JSONResponse({"detail": "Redis is unavailable"}, status_code=503)


@app.get("/")
async def index():
    """The plain endpoint."""
    return {"message": "Hello World"}


# ANCHOR: red
@app.get("/red")
async def red(wait_ms: int | None = Query(default=None, ge=0, le=10_000)):
    """The article's async endpoint: wait, write the hash `car`, read it back."""
    wait = RED_WAIT_MS if wait_ms is None else wait_ms
    await asyncio.sleep(wait / 1000)
    r = app.state.redis
    await r.hset(key("car"), mapping={"key1": 1, "key2": 2, "key3": 3})
    return await r.hgetall(key("car"))
# ANCHOR_END: red


class NewCar(BaseModel):
    name: str = Field(min_length=1, max_length=50)
    price: float = Field(gt=0)


class Car(BaseModel):
    id: int
    name: str
    price: float


@app.post("/cars", status_code=201)
async def create_car(new: NewCar) -> Car:
    r = app.state.redis
    car_id = await r.incr(key("cars:next_id"))
    car = Car(id=car_id, name=new.name, price=new.price)
    async with r.pipeline(transaction=True) as pipe:
        pipe.set(key(f"car:{car_id}"), car.model_dump_json())
        pipe.zadd(key("cars"), {car_id: car_id})
        await pipe.execute()
    return car


@app.get("/cars/{id}")
async def get_car(id: int) -> Car:
    stored = await app.state.redis.get(key(f"car:{id}"))
    if stored is None:
        raise HTTPException(status_code=404, detail="Car not found")
    return Car.model_validate_json(stored)


@app.get("/cars")
async def list_cars(
    limit: int = Query(default=10, ge=1, le=100), offset: int = Query(default=0, ge=0)
) -> list[Car]:
    r = app.state.redis
    ids = await r.zrange(key("cars"), offset, offset + limit - 1)
    if not ids:
        return []
    stored = await r.mget([key(f"car:{i}") for i in ids])
    return [Car.model_validate_json(s) for s in stored if s is not None]


# ANCHOR: blocking
@app.get("/blocking")
async def blocking(ms: int = Query(default=100, ge=0, le=5000)):
    """Wrong: a blocking call inside `async def` stops the event loop, so every request waits."""
    time.sleep(ms / 1000)
    return {"blocked_ms": ms}


@app.get("/blocking/offloaded")
def offloaded(ms: int = Query(default=100, ge=0, le=5000)):
    """A plain `def`: FastAPI runs it on its thread pool, and the loop keeps serving."""
    time.sleep(ms / 1000)
    return {"blocked_ms": ms}
# ANCHOR_END: blocking


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--addr", default="127.0.0.1:5000", help="host:port to listen on")
    parser.add_argument("--no-access-log", action="store_true", help="no line per request")
    args = parser.parse_args()
    host, _, port = args.addr.rpartition(":")
    uvicorn.run(
        app,
        host=host,
        port=int(port),
        loop="uvloop",
        http="httptools",
        access_log=not args.no_access_log,
        timeout_graceful_shutdown=10,
    )


if __name__ == "__main__":
    main()
