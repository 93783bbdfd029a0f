fn main() {
    let port: u16 = "80".parse()?; // main returns (), not a Result
    println!("{port}");
}
