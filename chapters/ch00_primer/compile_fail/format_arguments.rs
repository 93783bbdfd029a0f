fn main() {
    let url = "http://a/1";
    let line = format!("{} took {} s", url); // two placeholders, one argument
    println!("{line}");
}
