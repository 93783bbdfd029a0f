//! What the tour does in each section: start the service on a free port, send the section's
//! requests, print each request with the status and body it got, stop the service.

use crate::load::latency_while_blocked;
use crate::server::{Running, serve};
use crate::state::{AppState, Settings, remove_keys};
use shared::outln;
use shared::services::redis::RedisServer;
use shared::services::unique_prefix;
use std::time::{Duration, Instant};

/// A Redis URL where nothing listens.
const NO_REDIS: &str = "redis://127.0.0.1:1/";

/// The service on a free port with the shared Redis (a private server unless `REDIS_URL` is
/// set; without either, the tour says what to install and exits) and keys of its own, which
/// are removed when it is dropped.
struct Service {
    running: Running,
    redis_url: &'static str,
    prefix: String,
}

impl Service {
    fn start() -> Service {
        let redis_url = RedisServer::shared_or_exit().url();
        let prefix = unique_prefix("ch14");
        let settings = Settings {
            key_prefix: prefix.clone(),
            ..Settings::default()
        };
        let running = Running::start(redis_url, settings).expect("a free port on 127.0.0.1");
        Service {
            running,
            redis_url,
            prefix,
        }
    }

    fn url(&self) -> String {
        self.running.url()
    }
}

impl Drop for Service {
    fn drop(&mut self) {
        let _ = remove_keys(self.redis_url, &self.prefix);
    }
}

/// A client printing what it sends and gets.
struct Client {
    base: String,
    http: reqwest::Client,
    runtime: tokio::runtime::Runtime,
}

impl Client {
    fn new(base: String) -> Client {
        Client {
            base,
            http: reqwest::Client::new(),
            runtime: shared::runtime::real_time(),
        }
    }

    /// Send the request, print `METHOD path [body]` and `→ status body`.
    fn show(&self, method: reqwest::Method, path: &str, body: Option<&str>) {
        let (status, text) = self.runtime.block_on(self.send(method.clone(), path, body));
        match body {
            Some(body) => outln!("{method} {path} {body}"),
            None => outln!("{method} {path}"),
        }
        outln!("  → {status} {text}");
    }

    async fn send(&self, method: reqwest::Method, path: &str, body: Option<&str>) -> (u16, String) {
        let mut request = self.http.request(method, format!("{}{path}", self.base));
        if let Some(body) = body {
            request = request
                .header("content-type", "application/json")
                .body(body.to_string());
        }
        match request.send().await {
            Ok(response) => {
                let status = response.status().as_u16();
                (status, response.text().await.unwrap_or_default())
            }
            Err(error) => (0, format!("request failed: {error}")),
        }
    }

    fn get(&self, path: &str) {
        self.show(reqwest::Method::GET, path, None);
    }

    fn post(&self, path: &str, body: &str) {
        self.show(reqwest::Method::POST, path, Some(body));
    }
}

/// `GET /`: the plain endpoint.
pub fn hello() {
    let service = Service::start();
    Client::new(service.url()).get("/");
}

/// `GET /red`, five at once: each waits 0.5 s, and they wait together.
pub fn red() {
    let service = Service::start();
    let client = Client::new(service.url());
    let started = Instant::now();
    let answers = client.runtime.block_on(async {
        let requests = (0..5).map(|_| client.send(reqwest::Method::GET, "/red?wait_ms=500", None));
        futures::future::join_all(requests).await
    });
    for (status, body) in answers {
        outln!("GET /red?wait_ms=500  → {status} {body}");
    }
    outln!(
        "5 requests in {:.2} s (one after another they would take 2.50 s)",
        started.elapsed().as_secs_f64()
    );
}

/// The cars resource: a JSON body, a path parameter, query parameters.
pub fn cars() {
    let service = Service::start();
    let client = Client::new(service.url());
    client.post("/cars", r#"{"name": "Model T", "price": 850}"#);
    client.post("/cars", r#"{"name": "Beetle", "price": 1200.5}"#);
    client.get("/cars/1");
    client.get("/cars?limit=1&offset=1");
    client.get("/cars/99");
}

/// Bad input answered as FastAPI does.
pub fn errors() {
    let service = Service::start();
    let client = Client::new(service.url());
    client.post("/cars", r#"{"name": "Model T"}"#);
    client.post("/cars", r#"{"name": "", "price": -1}"#);
    client.get("/cars/abc");
    client.get("/cars?limit=500");
    client.get("/nope");
    client.show(reqwest::Method::DELETE, "/cars", None);
}

/// Redis unreachable: a 503 in time, and the rest of the service unaffected.
pub fn redis_down() {
    let service = Running::start(NO_REDIS, Settings::default()).expect("a free port on 127.0.0.1");
    let client = Client::new(service.url());
    client.get("/red?wait_ms=0");
    client.get("/");
}

/// The OpenAPI document's endpoints, and the docs page.
pub fn docs() {
    let service = Running::start(NO_REDIS, Settings::default()).expect("a free port on 127.0.0.1");
    let client = Client::new(service.url());
    let (status, text) =
        client
            .runtime
            .block_on(client.send(reqwest::Method::GET, "/openapi.json", None));
    outln!("GET /openapi.json  → {status}");
    let document: serde_json::Value = serde_json::from_str(&text).unwrap_or_default();
    if let Some(paths) = document["paths"].as_object() {
        for (path, operations) in paths {
            let methods: Vec<String> = operations
                .as_object()
                .map(|ops| ops.keys().map(|m| m.to_uppercase()).collect())
                .unwrap_or_default();
            outln!("  {:<7} {path}", methods.join(","));
        }
    }
    let (status, page) = client
        .runtime
        .block_on(client.send(reqwest::Method::GET, "/docs/", None));
    let title = page
        .split("<title>")
        .nth(1)
        .and_then(|rest| rest.split("</title>").next())
        .unwrap_or("?");
    outln!(
        "GET /docs/  → {status} <title>{title}</title>, every asset served by the binary itself"
    );
}

/// The article's "某个 IO 操作 10s": `GET /` latency while two clients call a handler that
/// blocks for 20 ms, then the same call moved to `spawn_blocking`.
pub fn blocking() {
    let service = Running::start(NO_REDIS, Settings::default()).expect("a free port on 127.0.0.1");
    for (label, path) in [
        ("blocking in the handler", "/blocking?ms=20"),
        ("on spawn_blocking      ", "/blocking/offloaded?ms=20"),
    ] {
        match latency_while_blocked(&service.url(), path, 2, 300) {
            Ok(latency) => outln!(
                "GET / while 2 clients call {label}: p50 {:.2} ms, p99 {:.2} ms",
                millis(latency.p50),
                millis(latency.p99)
            ),
            Err(error) => outln!("measurement failed: {error}"),
        }
    }
}

fn millis(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1e3
}

/// Graceful shutdown: a request in flight finishes, a new connection is refused.
pub fn shutdown() {
    let runtime = tokio::runtime::Runtime::new().expect("a runtime");
    let listener = runtime
        .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
        .expect("a free port");
    let addr = listener.local_addr().expect("a bound address");
    let state = runtime
        .block_on(async { AppState::new(NO_REDIS, Settings::default()) })
        .expect("a valid URL");
    let (stop, on_stop) = tokio::sync::oneshot::channel::<()>();
    let server = runtime.spawn(serve(
        listener,
        crate::app(state),
        async move {
            let _ = on_stop.await;
        },
        Duration::from_secs(10),
    ));
    let client = Client::new(format!("http://{addr}"));
    let slow = runtime.spawn({
        let http = client.http.clone();
        async move {
            let response = http
                .get(format!("http://{addr}/blocking/offloaded?ms=500"))
                .send()
                .await?;
            Ok::<_, reqwest::Error>((response.status().as_u16(), response.text().await?))
        }
    });
    std::thread::sleep(Duration::from_millis(200));
    outln!("GET /blocking/offloaded?ms=500 sent; shutting down while it runs");
    let _ = stop.send(());
    let refused = (0..50).any(|_| {
        std::thread::sleep(Duration::from_millis(10));
        std::net::TcpStream::connect(addr).is_err()
    });
    outln!(
        "a new connection: {}",
        if refused { "refused" } else { "accepted (!)" }
    );
    match runtime.block_on(slow) {
        Ok(Ok((status, body))) => outln!("the request in flight  → {status} {body}"),
        other => outln!("the request in flight failed: {other:?}"),
    }
    match runtime.block_on(server) {
        Ok(Ok(true)) => outln!("server stopped: every request finished"),
        other => outln!("server stopped: {other:?}"),
    }
}
