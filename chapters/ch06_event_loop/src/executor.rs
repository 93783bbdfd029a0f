//! The event loop, done the way real loops do it: a queue of ready tasks, wakers, timers.
//!
//! The article's loop asks every task, every time round, whether it can go on. A real loop
//! never asks. A task that cannot go on returns `Poll::Pending` and leaves a [`Waker`] with
//! whatever it waits for (a timer, a socket, a channel); when that thing happens, it calls
//! `waker.wake()`, which puts the task's id back in the loop's *ready queue*. The loop only
//! polls what is in that queue. When the queue is empty it does not spin: it parks the thread
//! until the next timer is due, or until a waker called from another thread unparks it.
//!
//! asyncio is built the same way: `loop._ready` is the ready queue, a finished future queues its
//! waiting task's `__wakeup` callback there with `loop.call_soon` (its "wake"), `loop._scheduled`
//! is the timer heap, and the selector's `select(timeout)` is where the thread sleeps.
//!
//! This executor runs on one thread, like asyncio's loop and tokio's current-thread runtime.
//! Its tasks need not be `Send` (they never leave the thread), but its wakers are `Send + Sync`,
//! so any thread may wake a task. A panicking task is caught, dropped, and reported through its
//! [`JoinHandle`]; the loop and the other tasks carry on.

use crate::timer::Timers;
use std::cell::{Cell, RefCell};
use std::collections::{HashMap, VecDeque};
use std::fmt;
use std::future::{Future, poll_fn};
use std::panic::{self, AssertUnwindSafe};
use std::pin::{Pin, pin};
use std::rc::Rc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::task::{Context, Poll, Wake, Waker};
use std::thread::{self, Thread};
use std::time::Instant;

/// A task's number, in spawn order from 1. Wakers carry this, not the task itself.
type TaskId = u64;

// ANCHOR: waker
/// The ready queue: the only part of the loop that wakers, and so other threads, touch.
struct ReadyQueue {
    ids: Mutex<VecDeque<TaskId>>,
    /// The thread running the loop, unparked by every wake-up in case it is asleep.
    loop_thread: Thread,
}

/// What a task's [`Waker`] holds: which task, and where to put it when woken.
struct TaskWaker {
    id: TaskId,
    /// Whether the id is in the queue already: waking a task twice before it runs queues it once.
    queued: AtomicBool,
    queue: Arc<ReadyQueue>,
}

impl Wake for TaskWaker {
    fn wake(self: Arc<Self>) {
        self.wake_by_ref();
    }

    fn wake_by_ref(self: &Arc<Self>) {
        if !self.queued.swap(true, Ordering::AcqRel) {
            self.queue.push(self.id);
        }
    }
}

impl ReadyQueue {
    fn push(&self, id: TaskId) {
        self.lock().push_back(id);
        // If the loop is parked, this wakes it up; if not, its next park returns at once.
        self.loop_thread.unpark();
    }
}
// ANCHOR_END: waker

impl ReadyQueue {
    /// Every id queued so far: the tasks to poll in this turn of the loop.
    fn take(&self) -> VecDeque<TaskId> {
        std::mem::take(&mut *self.lock())
    }

    fn is_empty(&self) -> bool {
        self.lock().is_empty()
    }

    fn lock(&self) -> MutexGuard<'_, VecDeque<TaskId>> {
        // A panic never happens while the lock is held, but if it did the queue is still valid.
        self.ids.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// A spawned future, boxed so that tasks of different types fit in one map.
struct Task {
    future: Pin<Box<dyn Future<Output = ()>>>,
    waker: Arc<TaskWaker>,
}

/// Where the loop's time comes from.
enum Clock {
    /// The operating system's: a 2 s sleep parks the thread for 2 s.
    Real,
    /// A clock that only moves when every task waits on a timer, and then jumps straight to
    /// the next deadline, like tokio's paused clock: sleeps take no real time.
    Virtual(Cell<Instant>),
}

/// The loop's state, shared (on its own thread) by the [`Executor`], [`spawn`] and the timers.
pub(crate) struct Core {
    queue: Arc<ReadyQueue>,
    tasks: RefCell<HashMap<TaskId, Task>>,
    next_id: Cell<TaskId>,
    pub(crate) timers: RefCell<Timers>,
    clock: Clock,
}

/// A single-threaded event loop: spawn tasks on it, then [`run`](Executor::run) it or
/// [`block_on`](Executor::block_on) one future.
pub struct Executor {
    core: Rc<Core>,
}

/// The result of a spawned task, as a future: `asyncio.Task` without the cancelling.
///
/// It resolves to `Ok(output)`, or to `Err(TaskPanicked)` if the task panicked. Dropping it
/// detaches the task, which keeps running.
pub struct JoinHandle<T> {
    slot: Rc<RefCell<Slot<T>>>,
}

/// Where a task leaves its result for its [`JoinHandle`].
enum Slot<T> {
    /// Still running; the waker of whoever awaits the handle, if anyone does yet.
    Running(Option<Waker>),
    Finished(Result<T, TaskPanicked>),
    /// The handle has returned the result.
    Taken,
}

/// A task that panicked, as its [`JoinHandle`] reports it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TaskPanicked {
    /// The task's number (tasks are numbered from 1 in spawn order).
    pub task: u64,
    /// The panic's message.
    pub message: String,
}

impl fmt::Display for TaskPanicked {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "task {} panicked: {}", self.task, self.message)
    }
}

impl std::error::Error for TaskPanicked {}

thread_local! {
    /// The executor running on this thread, while it runs: what [`spawn`] and the timers use.
    static CURRENT: RefCell<Option<Rc<Core>>> = const { RefCell::new(None) };
}

/// Call `f` with the executor running on this thread.
///
/// # Panics
/// If none is: `what` was called outside a task of an [`Executor`], which is a bug in the
/// caller (tokio panics the same way when `tokio::spawn` is called outside a runtime).
pub(crate) fn with_current<R>(what: &str, f: impl FnOnce(&Rc<Core>) -> R) -> R {
    let core = CURRENT.with_borrow(Option::clone).unwrap_or_else(|| {
        panic!("{what} must be called from a task running on a ch06_event_loop::Executor")
    });
    f(&core)
}

/// Makes an executor the current one while it runs, and clears it afterwards, even on a panic.
struct Entered;

impl Entered {
    fn new(core: Rc<Core>) -> Self {
        CURRENT.with_borrow_mut(|current| {
            assert!(
                current.is_none(),
                "an Executor cannot run inside a task of an Executor (block_on within block_on)"
            );
            *current = Some(core);
        });
        Entered
    }
}

impl Drop for Entered {
    fn drop(&mut self) {
        CURRENT.with_borrow_mut(|current| *current = None);
    }
}

/// Spawn `future` as a new task on the executor running this code: `asyncio.create_task`.
///
/// # Panics
/// If called outside a task of an [`Executor`].
pub fn spawn<F>(future: F) -> JoinHandle<F::Output>
where
    F: Future + 'static,
    F::Output: 'static,
{
    with_current("ch06_event_loop::spawn", |core| core.spawn(future))
}

impl Executor {
    /// A loop on the real clock, to be run on the thread that creates it.
    pub fn new() -> Self {
        Self::with_clock(Clock::Real)
    }

    /// A loop on a virtual clock: when every task waits on a timer, the clock jumps to the next
    /// deadline instead of the thread sleeping. For tests: timings are exact and take no time.
    pub fn with_virtual_clock() -> Self {
        Self::with_clock(Clock::Virtual(Cell::new(Instant::now())))
    }

    fn with_clock(clock: Clock) -> Self {
        let queue = Arc::new(ReadyQueue {
            ids: Mutex::new(VecDeque::new()),
            loop_thread: thread::current(),
        });
        Executor {
            core: Rc::new(Core {
                queue,
                tasks: RefCell::new(HashMap::new()),
                next_id: Cell::new(1),
                timers: RefCell::new(Timers::default()),
                clock,
            }),
        }
    }

    /// Add a task; it first runs when the loop does ([`run`](Self::run), [`block_on`](Self::block_on)).
    pub fn spawn<F>(&self, future: F) -> JoinHandle<F::Output>
    where
        F: Future + 'static,
        F::Output: 'static,
    {
        self.core.spawn(future)
    }

    /// Run until every task has finished: the article's loop, which ends when its list is empty.
    ///
    /// A task waiting for something that never happens keeps it waiting, as it would asyncio.
    pub fn run(&self) {
        self.run_until(|| self.core.tasks.borrow().is_empty());
    }

    /// Run `future` as a task, and the loop with it, until that future is done: `asyncio.run`.
    /// Other tasks still unfinished then stay on the executor for a later `run`.
    ///
    /// # Panics
    /// If `future` panics (the other tasks' panics are theirs to report).
    pub fn block_on<F>(&self, future: F) -> F::Output
    where
        F: Future + 'static,
        F::Output: 'static,
    {
        let main = self.spawn(future);
        self.run_until(|| main.is_finished());
        match main.slot.replace(Slot::Taken) {
            Slot::Finished(Ok(output)) => output,
            Slot::Finished(Err(panicked)) => panic!("block_on: the main {panicked}"),
            Slot::Running(_) | Slot::Taken => unreachable!("run_until returned once it finished"),
        }
    }

    // ANCHOR: run_until
    /// The loop itself.
    fn run_until(&self, done: impl Fn() -> bool) {
        let _entered = Entered::new(Rc::clone(&self.core));
        let core = &self.core;
        loop {
            // 1. Poll every task that was ready when this turn began. What they wake while
            //    running waits for the next turn, so one busy task cannot starve the timers.
            for id in core.queue.take() {
                core.poll_task(id);
            }
            if done() {
                return;
            }
            // 2. Timers whose deadline has passed wake their tasks.
            let next_deadline = core.fire_due_timers();
            // 3. Nothing ready: sleep until the next deadline, or until another thread wakes
            //    a task. No polling while we wait: this is what keeps the CPU idle.
            if core.queue.is_empty() {
                core.park(next_deadline);
            }
        }
    }
    // ANCHOR_END: run_until
}

impl Default for Executor {
    fn default() -> Self {
        Self::new()
    }
}

impl fmt::Debug for Executor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Executor")
            .field("tasks", &self.core.tasks.borrow().len())
            .field(
                "virtual_clock",
                &matches!(self.core.clock, Clock::Virtual(_)),
            )
            .finish()
    }
}

impl Core {
    fn spawn<F>(&self, future: F) -> JoinHandle<F::Output>
    where
        F: Future + 'static,
        F::Output: 'static,
    {
        let id = self.next_id.get();
        self.next_id.set(id + 1);
        let slot = Rc::new(RefCell::new(Slot::Running(None)));
        let waker = Arc::new(TaskWaker {
            id,
            queued: AtomicBool::new(false),
            queue: Arc::clone(&self.queue),
        });
        let task = Task {
            future: Box::pin(run_task(id, future, Rc::clone(&slot))),
            waker: Arc::clone(&waker),
        };
        self.tasks.borrow_mut().insert(id, task);
        waker.wake(); // a new task is ready to start: asyncio's `call_soon(task.__step)`
        JoinHandle { slot }
    }

    // ANCHOR: poll_task
    /// Poll one task once, with a waker that re-queues it.
    fn poll_task(&self, id: TaskId) {
        // Take the task out of the map while it runs, so that it can spawn others. A finished
        // task is not there any more: a late wake-up of it is simply ignored.
        let Some(mut task) = self.tasks.borrow_mut().remove(&id) else {
            return;
        };
        task.waker.queued.store(false, Ordering::Release); // a wake-up from now on queues it again
        let waker = Waker::from(Arc::clone(&task.waker));
        let mut cx = Context::from_waker(&waker);
        if task.future.as_mut().poll(&mut cx).is_pending() {
            self.tasks.borrow_mut().insert(id, task);
        }
    }
    // ANCHOR_END: poll_task

    /// The loop's clock: the OS clock, or the virtual one.
    pub(crate) fn now(&self) -> Instant {
        match &self.clock {
            Clock::Real => Instant::now(),
            Clock::Virtual(now) => now.get(),
        }
    }

    /// Wake the tasks whose timers are due; return the next deadline still ahead, if any.
    fn fire_due_timers(&self) -> Option<Instant> {
        let (due, next) = self.timers.borrow_mut().take_due(self.now());
        // Wake after the timers are released: a waker runs code we do not control.
        due.into_iter().for_each(Waker::wake);
        next
    }

    // ANCHOR: park
    /// Wait, without using the CPU, until there may be something to do.
    fn park(&self, next_deadline: Option<Instant>) {
        match (next_deadline, &self.clock) {
            // No timer: only a waker called from another thread can make a task ready.
            (None, _) => thread::park(),
            // `park_timeout` may return early (an unpark, or spuriously): the loop just checks
            // again and parks again.
            (Some(deadline), Clock::Real) => {
                thread::park_timeout(deadline.saturating_duration_since(Instant::now()));
            }
            // Nothing can happen before the deadline: jump to it.
            (Some(deadline), Clock::Virtual(now)) => now.set(deadline),
        }
    }
    // ANCHOR_END: park
}

/// A task's whole life: poll its future, catching a panic, and leave the result in its slot.
async fn run_task<F: Future>(id: TaskId, future: F, slot: Rc<RefCell<Slot<F::Output>>>) {
    let mut future = pin!(future);
    let outcome = poll_fn(|cx| {
        // A panic unwinds out of `poll`; stop it here so the loop and other tasks carry on.
        match panic::catch_unwind(AssertUnwindSafe(|| future.as_mut().poll(cx))) {
            Ok(poll) => poll.map(Ok),
            Err(payload) => Poll::Ready(Err(TaskPanicked {
                task: id,
                message: shared::panics::message(payload.as_ref()).to_owned(),
            })),
        }
    })
    .await;
    if let Slot::Running(Some(joiner)) = slot.replace(Slot::Finished(outcome)) {
        joiner.wake();
    }
}

impl<T> JoinHandle<T> {
    /// Whether the task has finished (returned or panicked).
    pub fn is_finished(&self) -> bool {
        !matches!(*self.slot.borrow(), Slot::Running(_))
    }
}

impl<T> Future for JoinHandle<T> {
    type Output = Result<T, TaskPanicked>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let mut slot = self.slot.borrow_mut();
        match std::mem::replace(&mut *slot, Slot::Taken) {
            Slot::Finished(outcome) => Poll::Ready(outcome),
            Slot::Running(_) => {
                *slot = Slot::Running(Some(cx.waker().clone()));
                Poll::Pending
            }
            Slot::Taken => panic!("a JoinHandle was polled after it returned its result"),
        }
    }
}

impl<T> fmt::Debug for JoinHandle<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("JoinHandle")
            .field("finished", &self.is_finished())
            .finish()
    }
}
