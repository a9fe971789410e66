package io.switchboard.cli;
public class Switchboard { public static void main(String[] a) {} }
