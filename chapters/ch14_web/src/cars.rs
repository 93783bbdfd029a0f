//! A small resource, so FastAPI users see the extractors they know: `POST /cars` (a JSON
//! body, like a pydantic model), `GET /cars/{id}` (a path parameter), `GET /cars?limit=&offset=`
//! (query parameters), stored in Redis.
//!
//! Storage: `INCR cars:next_id` picks an id; `car:<id>` holds the car as JSON and the sorted
//! set `cars` lists the ids, both written in one `MULTI`/`EXEC`, so a listing never sees an id
//! without its car.

use crate::errors::{ApiError, Detail, FieldError, ValidationErrors};
use crate::extract::{ValidJson, ValidQuery, Validate};
use crate::state::AppState;
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use redis::AsyncCommands;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

/// The longest name a car may have.
pub const MAX_NAME_CHARS: usize = 50;
/// The most cars one listing returns.
pub const MAX_LIMIT: u32 = 100;

// ANCHOR: models
/// What a client sends to `POST /cars`: pydantic's
/// `class NewCar(BaseModel): name: str = Field(min_length=1, max_length=50); price: float = Field(gt=0)`.
#[derive(Debug, Clone, Deserialize, ToSchema)]
pub struct NewCar {
    /// 1 to 50 characters.
    pub name: String,
    /// Greater than 0.
    pub price: f64,
}

impl Validate for NewCar {
    fn validate(&self, where_: &str) -> Vec<FieldError> {
        let mut problems = Vec::new();
        let chars = self.name.chars().count();
        if chars == 0 {
            let msg = "String should have at least 1 character";
            problems.push(FieldError::new(&[where_, "name"], "string_too_short", msg));
        } else if chars > MAX_NAME_CHARS {
            let msg = format!("String should have at most {MAX_NAME_CHARS} characters");
            problems.push(FieldError::new(&[where_, "name"], "string_too_long", msg));
        }
        if !(self.price > 0.0 && self.price.is_finite()) {
            let msg = "Input should be greater than 0";
            problems.push(FieldError::new(&[where_, "price"], "greater_than", msg));
        }
        problems
    }
}

/// A stored car, as every endpoint returns it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Car {
    pub id: u64,
    pub name: String,
    pub price: f64,
}
// ANCHOR_END: models

/// `GET /cars?limit=&offset=`: one page of cars, oldest first.
#[derive(Debug, Deserialize, IntoParams)]
pub struct Page {
    /// How many cars, 1 to 100 (default 10).
    #[serde(default = "default_limit")]
    pub limit: u32,
    /// How many cars to skip first (default 0).
    #[serde(default)]
    pub offset: u32,
}

fn default_limit() -> u32 {
    10
}

impl Validate for Page {
    fn validate(&self, where_: &str) -> Vec<FieldError> {
        let loc = [where_, "limit"];
        if self.limit < 1 {
            let msg = "Input should be greater than or equal to 1";
            vec![FieldError::new(&loc, "greater_than_equal", msg)]
        } else if self.limit > MAX_LIMIT {
            let msg = format!("Input should be less than or equal to {MAX_LIMIT}");
            vec![FieldError::new(&loc, "less_than_equal", msg)]
        } else {
            Vec::new()
        }
    }
}

// ANCHOR: create
/// `POST /cars`: store a new car, answer `201` with it.
#[utoipa::path(post, path = "/cars", request_body = NewCar, responses(
    (status = 201, body = Car),
    (status = 422, body = ValidationErrors),
    (status = 503, body = Detail),
))]
pub async fn create_car(
    State(state): State<AppState>,
    ValidJson(new): ValidJson<NewCar>,
) -> Result<(StatusCode, Json<Car>), ApiError> {
    let mut redis = state.redis();
    let id: u64 = state
        .with_redis(redis.incr(state.key("cars:next_id"), 1))
        .await?;
    let car = Car {
        id,
        name: new.name,
        price: new.price,
    };
    let json = serde_json::to_string(&car).expect("a Car always serializes");
    let mut write = redis::pipe();
    write
        .atomic()
        .set(state.key(&format!("car:{id}")), json)
        .zadd(state.key("cars"), id, id as f64);
    let () = state.with_redis(write.query_async(&mut redis)).await?;
    Ok((StatusCode::CREATED, Json(car)))
}
// ANCHOR_END: create

// ANCHOR: get
/// `GET /cars/{id}`: one car, `404 {"detail": "Car not found"}`, or `422` for an id that is
/// not a number.
#[utoipa::path(get, path = "/cars/{id}", params(("id" = u64, Path, description = "The car's id")),
    responses(
        (status = 200, body = Car),
        (status = 404, body = Detail),
        (status = 422, body = ValidationErrors),
        (status = 503, body = Detail),
))]
pub async fn get_car(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<Car>, ApiError> {
    let id: u64 = id.parse().map_err(|_| {
        let msg = "Input should be a valid integer, unable to parse string as an integer";
        ApiError::Invalid(vec![FieldError::new(&["path", "id"], "int_parsing", msg)])
    })?;
    let mut redis = state.redis();
    let key = state.key(&format!("car:{id}"));
    let stored: Option<String> = state.with_redis(redis.get(key)).await?;
    let json = stored.ok_or(ApiError::NotFound("Car not found"))?;
    Ok(Json(stored_car(&json)?))
}
// ANCHOR_END: get

/// `GET /cars`: a page of cars.
#[utoipa::path(get, path = "/cars", params(Page), responses(
    (status = 200, body = Vec<Car>),
    (status = 422, body = ValidationErrors),
    (status = 503, body = Detail),
))]
pub async fn list_cars(
    State(state): State<AppState>,
    ValidQuery(page): ValidQuery<Page>,
) -> Result<Json<Vec<Car>>, ApiError> {
    let mut redis = state.redis();
    let first = i64::from(page.offset);
    let last = first + i64::from(page.limit) - 1;
    let ids: Vec<u64> = state
        .with_redis(redis.zrange(state.key("cars"), first as isize, last as isize))
        .await?;
    if ids.is_empty() {
        return Ok(Json(Vec::new()));
    }
    let keys: Vec<String> = ids
        .iter()
        .map(|id| state.key(&format!("car:{id}")))
        .collect();
    let stored: Vec<Option<String>> = state.with_redis(redis.mget(keys)).await?;
    let cars = stored.iter().flatten().map(|json| stored_car(json));
    Ok(Json(cars.collect::<Result<_, _>>()?))
}

/// A car read back from Redis. Only this service writes those keys, so a value that does not
/// parse means someone else wrote it: say so (503 + log) rather than panic.
fn stored_car(json: &str) -> Result<Car, ApiError> {
    serde_json::from_str(json)
        .map_err(|e| ApiError::Unavailable(format!("a stored car does not parse: {e}")))
}
