//! The AWS Lambda function: wire once at cold start, then answer each Function URL / HTTP API event.

use aws_lambda_events::apigw::ApiGatewayV2httpRequest;
use lambda_runtime::{service_fn, Error, LambdaEvent};
use mention_triage::{adapters, config::Shell, telemetry};

#[tokio::main]
async fn main() -> Result<(), Error> {
    telemetry::init_lambda();
    let wired = adapters::build_service(Shell::Lambda).await.map_err(|e| {
        tracing::error!(error = %e, "cold start failed");
        e
    })?;
    wired.config.log_platforms();
    let service = &wired.service;
    lambda_runtime::run(service_fn(
        move |event: LambdaEvent<ApiGatewayV2httpRequest>| async move {
            Ok::<_, Error>(adapters::lambda::handle(service, event.payload).await)
        },
    ))
    .await
}
