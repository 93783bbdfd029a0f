// `set_result` twice: the second `send` needs the sender that the first one consumed.
fn main() {
    let (tx, _rx) = tokio::sync::oneshot::channel();
    let _ = tx.send("666");
    let _ = tx.send("777");
}
