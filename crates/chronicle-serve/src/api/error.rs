//! API errors: a status and a message naming what was wrong, sent as `{"error": "..."}`.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ApiError {
    pub status: StatusCode,
    pub message: String,
}

impl ApiError {
    pub fn new(status: StatusCode, message: impl Into<String>) -> Self {
        ApiError {
            status,
            message: message.into(),
        }
    }

    /// 400: a request parameter is malformed or out of range.
    pub fn bad_request(message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, message)
    }

    pub fn not_found(message: impl Into<String>) -> Self {
        Self::new(StatusCode::NOT_FOUND, message)
    }

    /// 500: the cause goes to the server log; the client learns only that it failed.
    pub fn internal(context: &str, cause: impl std::fmt::Display) -> Self {
        eprintln!("chronicle serve: {context}: {cause}");
        Self::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            format!("{context} failed (see the server log)"),
        )
    }
}

impl From<chronicle_store::StoreError> for ApiError {
    fn from(e: chronicle_store::StoreError) -> Self {
        ApiError::internal("database query", e)
    }
}

impl From<chronicle_analytics::AnalyticsError> for ApiError {
    fn from(e: chronicle_analytics::AnalyticsError) -> Self {
        match e {
            chronicle_analytics::AnalyticsError::Invalid(message) => ApiError::bad_request(message),
            other => ApiError::internal("analytics", other),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = serde_json::json!({ "error": self.message });
        (self.status, Json(body)).into_response()
    }
}

pub(crate) type ApiResult<T> = Result<T, ApiError>;
