//! The Lambda shell: Function URL / API Gateway HTTP API (payload v2) events in, responses out.
//!
//! We take the raw event (`lambda_runtime` + `aws_lambda_events`) rather than `lambda_http`,
//! because `lambda_http` panics on an invalid base64 body; here that is a 400, and the body cap
//! is checked on the encoded length before anything is decoded.

use aws_lambda_events::apigw::{ApiGatewayV2httpRequest, ApiGatewayV2httpResponse};
use aws_lambda_events::encodings::Body;
use base64::engine::general_purpose::STANDARD as B64;
use base64::Engine as _;
use http::{HeaderMap, HeaderValue};

use crate::core::error::VerifyError;
use crate::http::{ApiError, Request, Response, Service};

/// Handles one invocation.
pub async fn handle(service: &Service, event: ApiGatewayV2httpRequest) -> ApiGatewayV2httpResponse {
    let method = event.request_context.http.method.as_str().to_owned();
    let path = event.raw_path.clone().unwrap_or_else(|| "/".into());
    let query = event.raw_query_string.clone().unwrap_or_default();
    // Lambda joins repeated headers with commas; they reach the verifier as one value, which the
    // signature formats make fail closed.
    let headers: Vec<(String, String)> = event
        .headers
        .iter()
        .filter_map(|(k, v)| Some((k.as_str().to_ascii_lowercase(), v.to_str().ok()?.to_owned())))
        .collect();
    let raw = event.body.unwrap_or_default();
    let limit = service.limits().max_body_bytes;
    let body: Vec<u8> = if event.is_base64_encoded {
        // 4 base64 characters carry 3 bytes: refuse oversized bodies before decoding.
        if raw.len() / 4 * 3 > limit + 3 {
            return to_lambda(
                ApiError::Verify(VerifyError::TooLarge {
                    size: raw.len() / 4 * 3,
                    limit,
                })
                .response(),
            );
        }
        match B64.decode(raw.as_bytes()) {
            Ok(b) => b,
            Err(_) => {
                return to_lambda(
                    ApiError::Payload(crate::core::error::PayloadError::Malformed).response(),
                );
            }
        }
    } else {
        raw.into_bytes()
    };
    let req = Request {
        method: &method,
        path: &path,
        query: &query,
        headers: &headers,
        body: &body,
    };
    to_lambda(service.handle(req).await)
}

/// Converts our response to the Lambda event response.
pub fn to_lambda(r: Response) -> ApiGatewayV2httpResponse {
    let mut headers = HeaderMap::new();
    headers.insert("content-type", HeaderValue::from_static(r.content_type));
    for (k, v) in r.headers {
        if let Ok(v) = HeaderValue::from_str(&v) {
            headers.insert(k, v);
        }
    }
    let mut out = ApiGatewayV2httpResponse::default();
    out.status_code = i64::from(r.status);
    out.headers = headers;
    out.body = Some(Body::Text(String::from_utf8_lossy(&r.body).into_owned()));
    out.is_base64_encoded = false;
    out
}
