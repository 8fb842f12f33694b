//! Accepting connections and bounding them: how many at once, how long a client may take to
//! send its headers or to read its answer, how large the headers may be, and a graceful stop.
//!
//! Our own loop over hyper-util rather than `axum::serve`, which has no bound on connections
//! and no timeout for reading the request headers.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::extract::ConnectInfo;
use axum::Router;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use tower::Layer;

/// Limits, all adjustable for tests.
#[derive(Debug, Clone)]
pub struct Limits {
    pub max_connections: usize,
    /// A client that has not sent its request headers by then is disconnected.
    pub header_timeout: Duration,
    /// A request not answered by then gets 408.
    pub request_timeout: Duration,
    /// A connection that takes no bytes of its answer (or sends nothing) for this long is
    /// dropped: clients that never read would otherwise hold their permits forever.
    pub write_timeout: Duration,
    /// Request head (line and headers) larger than this gets 431.
    pub max_header_bytes: usize,
    /// After SIGTERM / Ctrl+C, open connections get this long to finish.
    pub shutdown_grace: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_connections: 512,
            header_timeout: Duration::from_secs(10),
            request_timeout: Duration::from_secs(30),
            write_timeout: Duration::from_secs(30),
            max_header_bytes: 16 * 1024,
            shutdown_grace: Duration::from_secs(10),
        }
    }
}

/// Serves `app` on every connection `listener` accepts until `shutdown` completes, then
/// gives open connections `limits.shutdown_grace` to finish.
pub async fn accept_until(
    listener: tokio::net::TcpListener,
    app: Router,
    limits: &Limits,
    shutdown: impl std::future::Future<Output = ()>,
) -> std::io::Result<()> {
    let permits = Arc::new(tokio::sync::Semaphore::new(limits.max_connections));
    let graceful = GracefulShutdown::new();
    let mut shutdown = std::pin::pin!(shutdown);
    eprintln!("serving on http://{}", listener.local_addr()?);
    loop {
        // Past the bound, connections wait in the backlog; those being served go on.
        let permit = tokio::select! {
            permit = permits.clone().acquire_owned() => permit.expect("never closed"),
            _ = &mut shutdown => break,
        };
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(e) => {
                    eprintln!("accept: {e}");
                    continue;
                }
            },
            _ = &mut shutdown => break,
        };
        // The client's address, for the access log.
        let service = axum::Extension(ConnectInfo::<SocketAddr>(peer)).layer(app.clone());
        // The request timeout ends when the handler returns; writing the body, and waiting
        // for the next request, are bounded here: no progress for this long ends the
        // connection (and frees its permit).
        let mut stream = tokio_io_timeout::TimeoutStream::new(stream);
        stream.set_write_timeout(Some(limits.write_timeout));
        stream.set_read_timeout(Some(limits.write_timeout));
        let connection = hyper::server::conn::http1::Builder::new()
            .timer(TokioTimer::new())
            .header_read_timeout(limits.header_timeout)
            .max_buf_size(limits.max_header_bytes.max(8192))
            .serve_connection(
                TokioIo::new(Box::pin(stream)),
                TowerToHyperService::new(service),
            );
        let connection = graceful.watch(connection);
        tokio::spawn(async move {
            let _ = connection.await;
            drop(permit);
        });
    }
    eprintln!("stopping: finishing open requests");
    drop(listener);
    if tokio::time::timeout(limits.shutdown_grace, graceful.shutdown())
        .await
        .is_err()
    {
        eprintln!("stopped with connections still open");
    }
    Ok(())
}

/// SIGTERM or Ctrl+C.
pub async fn signal() {
    let ctrl_c = tokio::signal::ctrl_c();
    #[cfg(unix)]
    {
        let mut term = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
            .expect("a SIGTERM handler");
        tokio::select! {
            _ = ctrl_c => {}
            _ = term.recv() => {}
        }
    }
    #[cfg(not(unix))]
    let _ = ctrl_c.await;
}
