//! HTTPS: the crawler verifies certificates, always. A server with a self-signed certificate
//! is refused, unless the reader says to trust that certificate with `--ca-cert`.

use http_body_util::Full;
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper_util::rt::TokioIo;
use std::net::SocketAddr;
use std::path::Path;
use std::process::Command;
use std::sync::Arc;
use tokio_rustls::TlsAcceptor;
use tokio_rustls::rustls::ServerConfig;
use tokio_rustls::rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};

const BODY: &[u8] = b"served over TLS\n";

/// A TLS server for `localhost` on 127.0.0.1, on a thread of its own; returns its address and
/// its certificate (PEM).
fn start_tls_server() -> (SocketAddr, String) {
    let certified = rcgen::generate_simple_self_signed(vec!["localhost".to_string()]).unwrap();
    let pem = certified.cert.pem();
    let cert = CertificateDer::from(certified.cert.der().to_vec());
    let key = PrivateKeyDer::from(PrivatePkcs8KeyDer::from(
        certified.signing_key.serialize_der(),
    ));
    let provider = Arc::new(tokio_rustls::rustls::crypto::aws_lc_rs::default_provider());
    let config = ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .unwrap()
        .with_no_client_auth()
        .with_single_cert(vec![cert], key)
        .unwrap();
    let acceptor = TlsAcceptor::from(Arc::new(config));
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    listener.set_nonblocking(true).unwrap();
    let addr = listener.local_addr().unwrap();
    std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        runtime.block_on(async move {
            let listener = tokio::net::TcpListener::from_std(listener).unwrap();
            loop {
                let (stream, _) = listener.accept().await.unwrap();
                let acceptor = acceptor.clone();
                tokio::spawn(async move {
                    // A client that refuses the certificate ends the handshake: not an error here.
                    let Ok(tls) = acceptor.accept(stream).await else {
                        return;
                    };
                    let service = service_fn(|_request| async {
                        Ok::<_, std::convert::Infallible>(hyper::Response::new(Full::new(
                            bytes::Bytes::from_static(BODY),
                        )))
                    });
                    let _ = http1::Builder::new()
                        .serve_connection(TokioIo::new(tls), service)
                        .await;
                });
            }
        });
    });
    (addr, pem)
}

fn crawl(out: &Path, extra: &[&str], url: &str) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_ch15_crawler"))
        .args(["crawl", "--retries", "0", "--out", out.to_str().unwrap()])
        .args(extra)
        .arg(url)
        .output()
        .unwrap()
}

#[test]
fn a_self_signed_server_is_refused_unless_its_certificate_is_trusted() {
    let (addr, pem) = start_tls_server();
    let url = format!("https://localhost:{}/page.txt", addr.port());
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");

    let refused = crawl(&out, &[], &url);
    assert_eq!(refused.status.code(), Some(1));
    let summary = String::from_utf8_lossy(&refused.stdout);
    assert!(summary.to_lowercase().contains("certificate"), "{summary}");
    assert!(
        !out.join(format!("localhost_{}", addr.port()))
            .read_dir()
            .is_ok_and(|mut d| d.next().is_some())
    );

    let cert_file = dir.path().join("server.pem");
    std::fs::write(&cert_file, pem).unwrap();
    let trusted = crawl(&out, &["--ca-cert", cert_file.to_str().unwrap()], &url);
    assert_eq!(
        trusted.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&trusted.stdout)
    );
    let saved: Vec<_> = std::fs::read_dir(out.join(format!("localhost_{}", addr.port())))
        .unwrap()
        .collect();
    assert_eq!(saved.len(), 1);
    assert_eq!(
        std::fs::read(saved[0].as_ref().unwrap().path()).unwrap(),
        BODY
    );
}

#[test]
fn a_ca_cert_file_without_a_certificate_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    let bogus = dir.path().join("bogus.pem");
    std::fs::write(&bogus, "not a certificate").unwrap();
    let output = crawl(
        &dir.path().join("out"),
        &["--ca-cert", bogus.to_str().unwrap()],
        "https://localhost:1/",
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("--ca-cert"));
}
