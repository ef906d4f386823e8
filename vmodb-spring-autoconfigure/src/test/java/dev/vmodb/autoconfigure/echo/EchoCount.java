package dev.vmodb.autoconfigure.echo;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** How often a word was shouted. */
@Entity
public class EchoCount {

	@Id
	private String word;

	private long shouts;

	protected EchoCount() {
	}

	public EchoCount(String word, long shouts) {
		this.word = word;
		this.shouts = shouts;
	}

	public String getWord() {
		return this.word;
	}

	public long getShouts() {
		return this.shouts;
	}

}
