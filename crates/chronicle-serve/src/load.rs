//! A small HTTP load driver for benchmarking the API (`chronicle bench-serve`): N keep-alive
//! connections send GET requests back to back for a fixed time; every response is read in
//! full and timed. Also a server started in the background on loopback to drive.

use std::net::SocketAddr;
use std::sync::mpsc;
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use http_body_util::{BodyExt, Empty};
use hyper::body::Bytes;
use hyper_util::rt::TokioIo;

use crate::{ServeError, ServeOptions};

/// One request to drive.
#[derive(Debug, Clone)]
pub struct LoadTarget {
    pub name: String,
    /// Path and query, e.g. `/api/events?source=USA&target=CHN`.
    pub path: String,
}

/// What one target measured.
#[derive(Debug, Clone)]
pub struct LoadResult {
    pub name: String,
    pub path: String,
    /// Completed requests with status 200.
    pub requests: u64,
    /// Requests that failed or answered another status.
    pub errors: u64,
    pub seconds: f64,
    pub requests_per_second: f64,
    pub p50: Duration,
    pub p99: Duration,
    pub max: Duration,
    /// Mean response body size.
    pub mean_bytes: u64,
}

/// How hard and how long to drive each target.
#[derive(Debug, Clone, Copy)]
pub struct LoadOptions {
    pub connections: usize,
    pub duration: Duration,
    /// Requests before measuring (per target, on each connection), so first-use costs
    /// (page cache, statement preparation) are not counted.
    pub warmup_requests: usize,
}

#[derive(Default)]
struct ConnectionTally {
    latencies: Vec<Duration>,
    errors: u64,
    bytes: u64,
}

/// Drives each target in turn against the server at `addr`.
pub fn drive(
    addr: SocketAddr,
    targets: &[LoadTarget],
    opts: LoadOptions,
) -> Result<Vec<LoadResult>, ServeError> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async {
        let mut results = Vec::new();
        for target in targets {
            results.push(drive_one(addr, target, opts).await?);
        }
        Ok(results)
    })
}

async fn drive_one(
    addr: SocketAddr,
    target: &LoadTarget,
    opts: LoadOptions,
) -> Result<LoadResult, ServeError> {
    let started = Instant::now();
    let deadline = started + opts.duration;
    let mut tasks = Vec::new();
    for _ in 0..opts.connections.max(1) {
        let path = target.path.clone();
        let warmup = opts.warmup_requests;
        tasks.push(tokio::spawn(async move {
            connection(addr, path, warmup, deadline).await
        }));
    }
    let mut tally = ConnectionTally::default();
    for task in tasks {
        let one = task
            .await
            .map_err(|e| ServeError::Io(std::io::Error::other(e)))??;
        tally.latencies.extend(one.latencies);
        tally.errors += one.errors;
        tally.bytes += one.bytes;
    }
    let seconds = started.elapsed().as_secs_f64();
    tally.latencies.sort();
    let quantile = |q: f64| -> Duration {
        if tally.latencies.is_empty() {
            return Duration::ZERO;
        }
        let i = ((tally.latencies.len() as f64 - 1.0) * q).round() as usize;
        tally.latencies[i.min(tally.latencies.len() - 1)]
    };
    let requests = tally.latencies.len() as u64;
    Ok(LoadResult {
        name: target.name.clone(),
        path: target.path.clone(),
        requests,
        errors: tally.errors,
        seconds,
        requests_per_second: requests as f64 / seconds.max(1e-9),
        p50: quantile(0.50),
        p99: quantile(0.99),
        max: tally.latencies.last().copied().unwrap_or_default(),
        mean_bytes: tally.bytes / requests.max(1),
    })
}

/// One keep-alive connection sending requests until `deadline`; reconnects after an error.
async fn connection(
    addr: SocketAddr,
    path: String,
    warmup: usize,
    deadline: Instant,
) -> Result<ConnectionTally, ServeError> {
    let mut tally = ConnectionTally::default();
    let mut sender = connect(addr).await?;
    for _ in 0..warmup {
        if request(&mut sender, addr, &path).await.is_err() {
            sender = connect(addr).await?;
        }
    }
    while Instant::now() < deadline {
        let sent = Instant::now();
        match request(&mut sender, addr, &path).await {
            Ok(Some(bytes)) => {
                tally.latencies.push(sent.elapsed());
                tally.bytes += bytes;
            }
            Ok(None) => tally.errors += 1,
            Err(_) => {
                tally.errors += 1;
                sender = connect(addr).await?;
            }
        }
    }
    Ok(tally)
}

type Sender = hyper::client::conn::http1::SendRequest<Empty<Bytes>>;

async fn connect(addr: SocketAddr) -> Result<Sender, ServeError> {
    let stream = tokio::net::TcpStream::connect(addr).await?;
    stream.set_nodelay(true)?;
    let (sender, conn) = hyper::client::conn::http1::handshake(TokioIo::new(stream))
        .await
        .map_err(|e| ServeError::Io(std::io::Error::other(e)))?;
    tokio::spawn(async move {
        let _ = conn.await;
    });
    Ok(sender)
}

/// Sends one GET and reads the whole body: its size when the status is 200, `None` for
/// another status, an error when the connection failed.
async fn request(sender: &mut Sender, addr: SocketAddr, path: &str) -> Result<Option<u64>, String> {
    sender.ready().await.map_err(|e| e.to_string())?;
    let req = hyper::Request::get(path)
        .header(hyper::header::HOST, addr.to_string())
        .body(Empty::<Bytes>::new())
        .map_err(|e| e.to_string())?;
    let response = sender.send_request(req).await.map_err(|e| e.to_string())?;
    let status = response.status();
    let body = response
        .into_body()
        .collect()
        .await
        .map_err(|e| e.to_string())?
        .to_bytes();
    Ok((status == hyper::StatusCode::OK).then_some(body.len() as u64))
}

/// A server running on its own threads until dropped.
pub struct BackgroundServer {
    pub addr: SocketAddr,
    shutdown: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<JoinHandle<()>>,
}

impl BackgroundServer {
    /// Starts serving `opts.db` on `opts.addr` (port 0 picks a free one) with `workers`
    /// runtime threads.
    pub fn start(opts: &ServeOptions, workers: usize) -> Result<Self, ServeError> {
        let app = crate::router(opts)?;
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(workers.max(1))
            .enable_all()
            .build()?;
        let std_listener =
            std::net::TcpListener::bind(opts.addr).map_err(|source| ServeError::Bind {
                addr: opts.addr,
                source,
            })?;
        std_listener.set_nonblocking(true)?;
        let addr = std_listener.local_addr()?;
        let (shutdown, stop) = tokio::sync::oneshot::channel::<()>();
        let (ready, started) = mpsc::channel::<Result<(), std::io::Error>>();
        let thread = std::thread::spawn(move || {
            runtime.block_on(async move {
                let listener = match tokio::net::TcpListener::from_std(std_listener) {
                    Ok(l) => l,
                    Err(e) => {
                        let _ = ready.send(Err(e));
                        return;
                    }
                };
                let _ = ready.send(Ok(()));
                let _ = axum::serve(listener, app)
                    .with_graceful_shutdown(async {
                        let _ = stop.await;
                    })
                    .await;
            });
        });
        started
            .recv()
            .map_err(|e| ServeError::Io(std::io::Error::other(e)))??;
        Ok(BackgroundServer {
            addr,
            shutdown: Some(shutdown),
            thread: Some(thread),
        })
    }
}

impl Drop for BackgroundServer {
    fn drop(&mut self) {
        if let Some(s) = self.shutdown.take() {
            let _ = s.send(());
        }
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drives_a_background_server() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("empty.db");
        chronicle_store::Store::open(&db).unwrap();
        let mut opts = ServeOptions::new(&db);
        opts.addr = SocketAddr::from(([127, 0, 0, 1], 0));
        let server = BackgroundServer::start(&opts, 1).unwrap();
        let targets = [
            LoadTarget {
                name: "health".into(),
                path: "/api/health".into(),
            },
            LoadTarget {
                name: "bad".into(),
                path: "/api/events?limit=0".into(),
            },
        ];
        let opts = LoadOptions {
            connections: 2,
            duration: Duration::from_millis(200),
            warmup_requests: 1,
        };
        let results = drive(server.addr, &targets, opts).unwrap();
        assert!(results[0].requests > 0 && results[0].errors == 0);
        assert!(results[0].p50 <= results[0].p99 && results[0].p99 <= results[0].max);
        assert_eq!(results[0].mean_bytes, r#"{"status":"ok"}"#.len() as u64);
        // A 400 counts as an error, never as a served request.
        assert_eq!(results[1].requests, 0);
        assert!(results[1].errors > 0);
    }
}
